// Who is asking, and what they may do: owners update their own actions; a plan's commissioner (whoever
// holds that plan's lead role) and admins may update any of its actions and manage roles.
import { roleKey } from '../domain/owners.ts';
import type { Actor } from '../domain/progress.ts';
import { plansLedBy } from './access.ts';
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
  /** The plans (ids) whose lead role they hold: the plans they commission. */
  leads: string[];
  /**
   * True when they commission a plan of their tenant, or hold the LEAD_ROLE setting's role (the
   * organisation's commissioner, who imports its first plan). Each plan is managed only by its own.
   */
  isLead: boolean;
  isAdmin: boolean;
}

/** Builds the caller from their AAD object id and display name. */
export function callerFrom(id: string, name: string, tenantId: string, directory: Directory, settings: Settings): Caller {
  // A role held by a person of another tenant is not theirs here (role assignments are per tenant).
  const known = directory.person(id);
  const elsewhere = known !== undefined && known.tenantId !== tenantId;
  const roles = elsewhere ? [] : directory.rolesOf(tenantId, id);
  const leads = elsewhere ? [] : plansLedBy(id, tenantId, directory, settings.LEAD_ROLE);
  return {
    id,
    tenantId,
    name: directory.person(id)?.name ?? name,
    roles,
    leads,
    isLead: leads.length > 0 || roles.some((r) => roleKey(r) === roleKey(settings.LEAD_ROLE)),
    // The admin setting is per tenant: an admin is one in the tenant they belong to, nowhere else.
    isAdmin: settings.ADMINS.includes(id) && !elsewhere && tenantId !== '',
  };
}

/** The caller as recorded in history. */
export function actorOf(caller: Caller): Actor {
  return { id: caller.id, name: caller.name };
}

/** Commissioners and admins manage roles (each in the plans they manage). */
export function mayManageRoles(caller: Caller): boolean {
  return caller.isLead || caller.isAdmin;
}
