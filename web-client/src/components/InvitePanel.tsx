import { useCallback, useEffect, useState } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import type { Invite, InviteRequest, PhotosApi } from '../api';

/** What the owner picks: sign-in invites by role, or a guest link (no account, QR code). */
type Kind = 'CONTRIBUTOR' | 'VIEWER' | 'GUEST';

/**
 * For owners: make an invite link and copy it. Contributors may upload and viewers only look (both sign in); a guest
 * link needs no account: it comes as a QR code with a printable card for the tables.
 */
export function InvitePanel({ api, eventId, eventName }: { api: PhotosApi; eventId: string; eventName: string }) {
  const [kind, setKind] = useState<Kind>('CONTRIBUTOR');
  const [allowView, setAllowView] = useState(true);
  const [requireReview, setRequireReview] = useState(true);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [links, setLinks] = useState<Invite[]>([]);

  const loadLinks = useCallback(() => {
    api.listInvites(eventId).then(
      (page) => setLinks(page.items.filter((i) => !i.revoked)),
      (e: Error) => setError(`could not list the invite links: ${e.message}`),
    );
  }, [api, eventId]);
  useEffect(loadLinks, [loadLinks]);

  const revoke = async (link: Invite) => {
    try {
      await api.revokeInvite(eventId, link.code);
      setLinks((current) => current.filter((i) => i.code !== link.code));
      if (invite?.code === link.code) setInvite(null);
    } catch (e) {
      setError(`could not revoke the link: ${(e as Error).message}`);
    }
  };

  const create = async () => {
    const request: InviteRequest =
      kind === 'GUEST' ? { signInRequired: false, allowView, requireReview } : { role: kind };
    try {
      const created = await api.createInvite(eventId, request);
      setInvite(created);
      setLinks((current) => [created, ...current]);
      setCopied(false);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-label="Invite" className="invite">
      <h2>Invite guests</h2>
      <label htmlFor="invite-role">They may</label>
      <select id="invite-role" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        <option value="CONTRIBUTOR">upload and see photos (with an account)</option>
        <option value="VIEWER">only see photos (with an account)</option>
        <option value="GUEST">upload without an account (QR code)</option>
      </select>
      {kind === 'GUEST' ? (
        <fieldset className="guest-options">
          <legend>Guest link</legend>
          <label>
            <input type="checkbox" checked={allowView} onChange={(e) => setAllowView(e.target.checked)} />
            Guests see the event&apos;s photos (otherwise only their own)
          </label>
          <label>
            <input type="checkbox" checked={requireReview} onChange={(e) => setRequireReview(e.target.checked)} />I
            approve guests&apos; photos before anyone else sees them
          </label>
        </fieldset>
      ) : null}
      <button type="button" onClick={() => void create()}>
        Create invite link
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {invite ? (
        <div className="invite-link">
          <label htmlFor="invite-link">
            {invite.signInRequired ? 'Invite link' : 'Guest link'} (valid until{' '}
            {new Date(invite.expiresAt).toLocaleDateString()}, {invite.maxUses}
            {invite.signInRequired ? ' guests' : ' guest sessions'})
          </label>
          <input id="invite-link" readOnly value={invite.link} data-testid="invite-link" />
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(invite.link).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            Copy link
          </button>
          <span role="status">{copied ? 'Copied' : ''}</span>
          {invite.signInRequired ? null : <GuestCard invite={invite} eventName={eventName} />}
        </div>
      ) : null}
      {links.length > 0 ? (
        <details className="invite-links">
          <summary>Links in use ({links.length})</summary>
          <ul>
            {links.map((link) => (
              <li key={link.code}>
                <span>
                  {describe(link)}: {link.uses} of {link.maxUses} used, until{' '}
                  {new Date(link.expiresAt).toLocaleDateString()}
                </span>
                <button
                  type="button"
                  onClick={() => void revoke(link)}
                  aria-label={`Revoke ${describe(link)} ending ${link.code.slice(-4)}`}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function describe(link: Invite): string {
  if (!link.signInRequired) return `Guest link${link.requireReview ? ' (you approve photos)' : ''}`;
  return link.role === 'VIEWER' ? 'Viewer invite' : 'Contributor invite';
}

/** The card for the tables: event name, QR code, and the link to type where scanning fails. Prints alone. */
function GuestCard({ invite, eventName }: { invite: Invite; eventName: string }) {
  return (
    <>
      <figure className="print-card" data-testid="guest-card">
        <figcaption className="print-card-name">{eventName}</figcaption>
        {/* error correction M: still reads with 15 % of the printed code smudged or folded */}
        <QRCodeSVG
          value={invite.link}
          level="M"
          size={224}
          marginSize={4}
          role="img"
          aria-label={`QR code of the guest link for ${eventName}`}
          data-testid="guest-qr"
        />
        <p className="print-card-text">Scan to add your photos, no account needed</p>
        <p className="print-card-url">{invite.link}</p>
      </figure>
      <button type="button" onClick={() => window.print()}>
        Print card
      </button>
    </>
  );
}
