// Who is asking, and what they may do: owners update their own actions; the commissioner (whoever
// holds the lead role) and admins may update any and manage roles.
import type { Actor } from '../domain/progress.ts';
import { roleKey } from '../domain/owners.ts';
import type { Directory } from './directory.ts';
import type { Settings } from './services.ts';

/** The person behind a message or a card answer. */
export interface Caller {
  id: string;
  name: string;
  /** The AAD tenant the message came from: the caller sees only that tenant's plans. */
  tenantId: string;
  /** Roles they hold, as assigned. */
  roles: string[];
  isLead: boolean;
  isAdmin: boolean;
}

/** Builds the caller from their AAD object id and display name. */
export function callerFrom(id: string, name: string, tenantId: string, directory: Directory, settings: Settings): Caller {
  // A role held by a person of another tenant is not theirs here (role assignments are per tenant).
  const known = directory.person(id);
  const roles = known && known.tenantId !== tenantId ? [] : directory.rolesOf(id);
  return {
    id,
    tenantId,
    name: directory.person(id)?.name ?? name,
    roles,
    isLead: roles.some((r) => roleKey(r) === roleKey(settings.LEAD_ROLE)),
    isAdmin: settings.ADMINS.includes(id),
  };
}

/** The caller as recorded in history. */
export function actorOf(caller: Caller): Actor {
  return { id: caller.id, name: caller.name };
}

/** The commissioner and admins manage roles. */
export function mayManageRoles(caller: Caller): boolean {
  return caller.isLead || caller.isAdmin;
}
