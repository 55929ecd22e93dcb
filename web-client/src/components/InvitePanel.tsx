import { useState } from 'react';
import type { Invite, PhotosApi, Role } from '../api';

/** For owners: make an invite link (contributors may upload, viewers only look) and copy it. */
export function InvitePanel({ api, eventId }: { api: PhotosApi; eventId: string }) {
  const [role, setRole] = useState<Role>('CONTRIBUTOR');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const create = async () => {
    try {
      setInvite(await api.createInvite(eventId, role));
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
      <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        <option value="CONTRIBUTOR">upload and see photos</option>
        <option value="VIEWER">only see photos</option>
      </select>
      <button type="button" onClick={() => void create()}>Create invite link</button>
      {error ? <p role="alert" className="error">{error}</p> : null}
      {invite ? (
        <p className="invite-link">
          <label htmlFor="invite-link">Invite link (valid until {new Date(invite.expiresAt).toLocaleDateString()},
            {' '}{invite.maxUses} guests)</label>
          <input id="invite-link" readOnly value={invite.link} data-testid="invite-link" />
          <button type="button" onClick={() => {
            void navigator.clipboard?.writeText(invite.link).then(() => setCopied(true), () => setCopied(false));
          }}>Copy link</button>
          <span role="status">{copied ? 'Copied' : ''}</span>
        </p>
      ) : null}
    </section>
  );
}
