import { useCallback, useEffect, useState } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Invite, InviteRequest, PhotosApi } from '../api';
import { errorText, formatDate } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

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
  const { t, i18n } = useTranslation();

  const loadLinks = useCallback(() => {
    api.listInvites(eventId).then(
      (page) => setLinks(page.items.filter((i) => !i.revoked)),
      (e: unknown) => setError(t('invite.listFailed', { detail: errorText(t, e) })),
    );
  }, [api, eventId, t]);
  useEffect(loadLinks, [loadLinks]);

  const revoke = async (link: Invite) => {
    try {
      await api.revokeInvite(eventId, link.code);
      setLinks((current) => current.filter((i) => i.code !== link.code));
      if (invite?.code === link.code) setInvite(null);
    } catch (e) {
      setError(t('invite.revokeFailed', { detail: errorText(t, e) }));
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
      setError(errorText(t, e));
    }
  };

  return (
    <section aria-label={t('invite.region')} className="invite">
      <h2>{t('invite.title')}</h2>
      <label htmlFor="invite-role">{t('invite.theyMay')}</label>
      <select id="invite-role" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        <option value="CONTRIBUTOR">{t('invite.contributor')}</option>
        <option value="VIEWER">{t('invite.viewer')}</option>
        <option value="GUEST">{t('invite.guest')}</option>
      </select>
      {kind === 'GUEST' ? (
        <fieldset className="guest-options">
          <legend>{t('invite.guestLink')}</legend>
          <label>
            <input type="checkbox" checked={allowView} onChange={(e) => setAllowView(e.target.checked)} />
            {t('invite.allowView')}
          </label>
          <label>
            <input type="checkbox" checked={requireReview} onChange={(e) => setRequireReview(e.target.checked)} />
            {t('invite.requireReview')}
          </label>
        </fieldset>
      ) : null}
      <button type="button" onClick={() => void create()}>
        {t('invite.create')}
      </button>
      <ErrorAlert message={error} />
      {invite ? (
        <div className="invite-link">
          <label htmlFor="invite-link">
            {t(invite.signInRequired ? 'invite.inviteLinkLabel' : 'invite.guestLinkLabel', {
              date: formatDate(invite.expiresAt, i18n.language),
              count: invite.maxUses,
            })}
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
            {t('invite.copy')}
          </button>
          <span role="status">{copied ? t('invite.copied') : ''}</span>
          {invite.signInRequired ? null : <GuestCard invite={invite} eventName={eventName} />}
        </div>
      ) : null}
      {links.length > 0 ? (
        <details className="invite-links">
          <summary>{t('invite.inUse', { count: links.length })}</summary>
          <ul>
            {links.map((link) => (
              <li key={link.code}>
                <span>
                  {t('invite.usage', {
                    what: describe(t, link),
                    uses: link.uses,
                    max: link.maxUses,
                    date: formatDate(link.expiresAt, i18n.language),
                  })}
                </span>
                <button
                  type="button"
                  onClick={() => void revoke(link)}
                  aria-label={t('invite.revokeNamed', { what: describe(t, link), end: link.code.slice(-4) })}
                >
                  {t('invite.revoke')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function describe(t: TFunction, link: Invite): string {
  if (!link.signInRequired) return t(link.requireReview ? 'invite.describeGuestReviewed' : 'invite.describeGuest');
  return t(link.role === 'VIEWER' ? 'invite.describeViewer' : 'invite.describeContributor');
}

/** The card for the tables: event name, QR code, and the link to type where scanning fails. Prints alone. */
function GuestCard({ invite, eventName }: { invite: Invite; eventName: string }) {
  const { t } = useTranslation();
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
          aria-label={t('invite.qrLabel', { name: eventName })}
          data-testid="guest-qr"
        />
        <p className="print-card-text">{t('invite.scan')}</p>
        <p className="print-card-url">{invite.link}</p>
      </figure>
      <button type="button" onClick={() => window.print()}>
        {t('invite.print')}
      </button>
    </>
  );
}
