// Who is asking, and what they may do: owners update their own actions; the commissioner (whoever
// holds the lead role) and admins may update any and manage roles.
import type { PlanAction } from '../domain/plan.ts';
import type { Actor } from '../domain/progress.ts';
import { roleKey } from '../domain/owners.ts';
import type { Directory } from './directory.ts';
import type { Settings } from './services.ts';

/** The person behind a message or a card answer. */
export interface Caller {
  id: string;
  name: string;
  /** Roles they hold, as assigned. */
  roles: string[];
  isLead: boolean;
  isAdmin: boolean;
}

/** Builds the caller from their AAD object id and display name. */
export function callerFrom(id: string, name: string, directory: Directory, settings: Settings): Caller {
  const roles = directory.rolesOf(id);
  return {
    id,
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

/** True when the caller holds one of the action's owner roles. */
export function owns(caller: Caller, action: PlanAction): boolean {
  const mine = new Set(caller.roles.map(roleKey));
  return action.owners.some((o) => mine.has(roleKey(o)));
}

/** Owners, the commissioner and admins may answer for an action. */
export function mayUpdate(caller: Caller, action: PlanAction): boolean {
  return caller.isLead || caller.isAdmin || owns(caller, action);
}

/** The commissioner and admins manage roles. */
export function mayManageRoles(caller: Caller): boolean {
  return caller.isLead || caller.isAdmin;
}
