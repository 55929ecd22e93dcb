/** What the API records as a guest's photos' uploadedBy: their token's subject. */
export function guestSubject(guestId: string): string {
  return `guest:${guestId}`;
}
