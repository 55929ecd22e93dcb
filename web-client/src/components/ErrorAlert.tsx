import type { ReactNode } from 'react';

/** A message a screen reader announces at once (role alert), shown only when there is one. */
export function ErrorAlert({ message }: { message: ReactNode }) {
  if (message === null || message === undefined || message === false || message === '') return null;
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}
