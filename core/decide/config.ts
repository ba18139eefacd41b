import { BranchConfig, type Preset, type ServiceConfig } from '../branch';
import { newBranchConfig, type ConfigCommand } from '../config-commands';
import type { EventPayload, NoticeScope } from '../events';
import { presetSources } from '../presets';
import type { BranchState } from '../state';
import { fail, ok, type Decision } from './result';

/**
 * Decides configuration commands. Each is idempotent by content too: setting what is already
 * there yields no event, so a retried or repeated save leaves no noise in the history. Removals
 * that would break the running day are refused with 409 and the reason.
 */
export function decideConfig(state: BranchState, cmd: ConfigCommand, _now: number): Decision {
  if (cmd.type === 'CreateBranch') {
    if (state.config) return fail('conflict', 'branch_exists', `branch "${state.branchId}" already exists`, 'id');
    // One event: the branch as it opens, with the library's presets (the library may hold more than a branch keeps).
    const parsed = BranchConfig.safeParse(newBranchConfig(cmd.body, cmd.library.slice(0, 200)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail('invalid', 'invalid', issue.message, issue.path.join('.'));
    }
    return ok({ type: 'BranchConfigured', config: parsed.data, presetsFrom: 'library' });
  }
  const config = state.config;
  if (!config) return fail('not_found', 'branch_not_configured', 'this branch has no configuration yet');

  switch (cmd.type) {
    case 'UpdateBranch': {
      const b = cmd.body;
      const change: Record<string, unknown> = {};
      if (b.name !== undefined && b.name !== config.name) change.name = b.name;
      if (b.timezone !== undefined && b.timezone !== config.timezone) change.timezone = b.timezone;
      if (b.languages !== undefined && !same(b.languages, config.languages)) change.languages = b.languages;
      if (b.address !== undefined && (b.address ?? undefined) !== config.address) change.address = b.address;
      if (b.hours !== undefined && !same(b.hours ?? undefined, config.hours)) change.hours = b.hours;
      if (b.display !== undefined && !same(b.display ?? undefined, config.display)) change.display = b.display;
      if (b.limits !== undefined && !same(b.limits ?? undefined, config.limits)) change.limits = b.limits;
      if (Object.keys(change).length === 0) return ok();
      return ok({ type: 'BranchDetailsChanged', ...change } as EventPayload);
    }

    case 'UpsertService': {
      const { counters, promiseMinutes, ...rest } = cmd.body;
      const service: ServiceConfig = { id: cmd.serviceId, ...rest, ...(promiseMinutes != null ? { promiseMinutes } : {}) };
      const taken = config.services.find((s) => s.prefix === service.prefix && s.id !== service.id);
      if (taken) return fail('conflict', 'prefix_taken', `prefix ${service.prefix} is already used by service "${taken.id}"`, 'prefix');
      if (counters) {
        const bad = counters.findIndex((id) => !config.counters.some((c) => c.id === id));
        if (bad >= 0) return fail('invalid', 'unknown_counter', `no counter "${counters[bad]}" in this branch`, `counters.${bad}`);
        const stranded = config.counters.find((c) => !counters.includes(c.id) && c.services.length === 1 && c.services[0] === service.id);
        if (stranded) return fail('conflict', 'counter_needs_service', `counter "${stranded.id}" serves only this service: give it another service first`, 'counters');
        if (counters.length === 0 && waitingFor(state, service.id) > 0) {
          return fail('conflict', 'service_unserved', `${waitingFor(state, service.id)} tickets wait for this service: keep a counter serving it`, 'counters');
        }
      }
      const before = config.services.find((s) => s.id === service.id);
      const servedBy = config.counters.filter((c) => c.services.includes(service.id)).map((c) => c.id);
      const countersSame = !counters || same([...counters].sort(), [...servedBy].sort());
      if (before && same(before, service) && countersSame) return ok();
      return ok({ type: 'ServiceUpserted', service, ...(counters ? { counters } : {}) });
    }

    case 'RemoveService': {
      const service = config.services.find((s) => s.id === cmd.serviceId);
      if (!service) return fail('not_found', 'unknown_service', `no service "${cmd.serviceId}" in this branch`);
      const inUse = Object.values(state.tickets).filter((t) => t.service === service.id);
      if (inUse.length > 0) {
        const waiting = inUse.filter((t) => t.status === 'waiting').length;
        return fail('conflict', 'service_in_use', `${waiting} tickets wait and ${inUse.length - waiting} are being served for this service: finish them first`);
      }
      const stranded = config.counters.find((c) => c.services.length === 1 && c.services[0] === service.id);
      if (stranded) return fail('conflict', 'counter_needs_service', `counter "${stranded.id}" serves only this service: give it another service or remove it first`);
      const notice = activeNoticeOn(state, 'services', service.id);
      if (notice) return fail('conflict', 'service_in_notice', 'a notice about this service is up: resolve it first');
      return ok({ type: 'ServiceRemoved', serviceId: service.id });
    }

    case 'UpsertCounter': {
      const counter = { id: cmd.counterId, ...cmd.body };
      const bad = counter.services.findIndex((id) => !config.services.some((s) => s.id === id));
      if (bad >= 0) return fail('invalid', 'unknown_service', `no service "${counter.services[bad]}" in this branch`, `services.${bad}`);
      const before = config.counters.find((c) => c.id === counter.id);
      if (before && same(before, counter)) return ok();
      const others = config.counters.filter((c) => c.id !== counter.id);
      const unserved = unservedWithTickets(state, [...others, counter]);
      if (unserved) return fail('conflict', 'service_unserved', `tickets wait for "${unserved}" and no other counter serves it`, 'services');
      return ok({ type: 'CounterUpserted', counter });
    }

    case 'RemoveCounter': {
      const counter = config.counters.find((c) => c.id === cmd.counterId);
      if (!counter) return fail('not_found', 'unknown_counter', `no counter "${cmd.counterId}" in this branch`);
      const ticketId = state.counters[counter.id]?.ticketId;
      if (ticketId) {
        return fail('conflict', 'counter_busy', `ticket ${state.tickets[ticketId]?.number ?? ticketId} is at this counter: finish it first`);
      }
      const unserved = unservedWithTickets(state, config.counters.filter((c) => c.id !== counter.id));
      if (unserved) return fail('conflict', 'service_unserved', `tickets wait for "${unserved}" and no other counter serves it`);
      if (activeNoticeOn(state, 'counters', counter.id)) return fail('conflict', 'counter_in_notice', 'a notice about this counter is up: resolve it first');
      return ok({ type: 'CounterRemoved', counterId: counter.id });
    }

    case 'UpsertPreset': {
      const preset: Preset = { id: cmd.presetId, ...cmd.body };
      const src = presetSources(state);
      if (cmd.source === 'branch' && preset.services) {
        const bad = preset.services.findIndex((id) => !config.services.some((s) => s.id === id));
        if (bad >= 0) return fail('invalid', 'unknown_service', `no service "${preset.services[bad]}" in this branch`, `services.${bad}`);
      }
      const before = (cmd.source === 'library' ? src.library : src.branch).find((p) => p.id === preset.id);
      if (before && same(before, preset)) return ok();
      if (!before && config.presets.length >= 200) return fail('conflict', 'too_many_presets', 'a branch keeps at most 200 presets');
      return ok({ type: 'PresetUpserted', preset, source: cmd.source });
    }

    case 'RemovePreset': {
      const src = presetSources(state);
      const inLibrary = src.library.some((p) => p.id === cmd.presetId);
      if (cmd.source === 'library') return inLibrary ? ok({ type: 'PresetRemoved', presetId: cmd.presetId, source: 'library' }) : ok();
      const own = src.branch.some((p) => p.id === cmd.presetId);
      if (!own && !inLibrary) return fail('not_found', 'unknown_preset', `no preset "${cmd.presetId}" in this branch`);
      if (!own && src.hidden.includes(cmd.presetId)) return ok();
      return ok({ type: 'PresetRemoved', presetId: cmd.presetId, source: 'branch' });
    }

    case 'RestorePreset': {
      const src = presetSources(state);
      if (!src.library.some((p) => p.id === cmd.presetId)) return fail('not_found', 'unknown_preset', `no library preset "${cmd.presetId}"`);
      if (!src.hidden.includes(cmd.presetId)) return ok();
      return ok({ type: 'PresetRestored', presetId: cmd.presetId });
    }

    case 'PairScreen':
      return ok({ type: 'ScreenPaired', screen: cmd.screen });
    case 'RenameScreen':
      return ok({ type: 'ScreenRenamed', screenId: cmd.screenId, name: cmd.name });
    case 'UnpairScreen':
      return ok({ type: 'ScreenUnpaired', screenId: cmd.screenId });
    case 'SetScreenSound':
      return ok({ type: 'ScreenSoundSet', screenId: cmd.screenId, sound: cmd.sound });
    case 'RecordIntegrationToken':
      return ok({ type: 'IntegrationTokenChanged', change: cmd.change, token: cmd.token });
    case 'RecordStaffChange':
      // The account store has decided already (who may change whom): the log records it.
      return ok(...cmd.changes.map((change) => ({ type: 'StaffChanged' as const, change, account: cmd.account })));
  }
}

function waitingFor(state: BranchState, serviceId: string): number {
  return state.queues[serviceId]?.length ?? 0;
}

/** A service with tickets waiting that none of `counters` would serve. */
function unservedWithTickets(state: BranchState, counters: readonly { services: readonly string[] }[]): string | undefined {
  return (state.config?.services ?? []).map((s) => s.id).find((id) => waitingFor(state, id) > 0 && !counters.some((c) => c.services.includes(id)));
}

function activeNoticeOn(state: BranchState, type: Exclude<NoticeScope['type'], 'branch'>, id: string) {
  return state.notices.find((n) => n.status === 'active' && n.scope.type === type && n.scope.ids.includes(id));
}

/** Deep equality of JSON values, ignoring key order. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
