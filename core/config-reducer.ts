import type { BranchConfig } from './branch';
import type { BranchEvent } from './events';
import { effectivePresets, presetSources, upsertById } from './presets';
import type { BranchState, CounterState, PresetSources } from './state';

type ConfigEvent = Extract<
  BranchEvent,
  {
    type:
      | 'BranchDetailsChanged'
      | 'ServiceUpserted'
      | 'ServiceRemoved'
      | 'CounterUpserted'
      | 'CounterRemoved'
      | 'PresetUpserted'
      | 'PresetRemoved'
      | 'PresetRestored'
      | 'ScreenPaired'
      | 'ScreenRenamed'
      | 'ScreenSoundSet'
      | 'ScreenUnpaired'
      | 'StaffChanged'
      | 'IntegrationTokenChanged';
  }
>;

/**
 * Folds a configuration event into the branch state. Decide has already refused what would break
 * the running day (a counter with a ticket, a service with tickets waiting), so this only applies.
 */
export function reduceConfig(s: BranchState, e: ConfigEvent): BranchState {
  const config = s.config;
  if (!config) return s;
  switch (e.type) {
    case 'BranchDetailsChanged': {
      const next: BranchConfig = { ...config };
      if (e.name !== undefined) next.name = e.name;
      if (e.timezone !== undefined) next.timezone = e.timezone;
      if (e.languages !== undefined) next.languages = e.languages;
      if (e.address === null) delete next.address;
      else if (e.address !== undefined) next.address = e.address;
      if (e.hours === null) delete next.hours;
      else if (e.hours !== undefined) next.hours = e.hours;
      if (e.display === null) delete next.display;
      else if (e.display !== undefined) next.display = e.display;
      if (e.limits === null) delete next.limits;
      else if (e.limits !== undefined) next.limits = e.limits;
      return { ...s, config: next };
    }
    case 'ServiceUpserted': {
      const id = e.service.id;
      const counters = e.counters
        ? config.counters.map((c) => {
            const wanted = e.counters!.includes(c.id);
            const has = c.services.includes(id);
            if (wanted && !has) return { ...c, services: [...c.services, id] };
            if (!wanted && has) return { ...c, services: c.services.filter((x) => x !== id) };
            return c;
          })
        : config.counters;
      return {
        ...s,
        config: { ...config, services: upsertById(config.services, e.service), counters },
        queues: { ...s.queues, [id]: s.queues[id] ?? [] },
      };
    }
    case 'ServiceRemoved': {
      const { [e.serviceId]: _gone, ...queues } = s.queues;
      return {
        ...s,
        config: {
          ...config,
          services: config.services.filter((x) => x.id !== e.serviceId),
          counters: config.counters.map((c) => (c.services.includes(e.serviceId) ? { ...c, services: c.services.filter((x) => x !== e.serviceId) } : c)),
        },
        queues,
      };
    }
    case 'CounterUpserted': {
      const id = e.counter.id;
      const counter: CounterState = s.counters[id] ?? { id, status: 'closed', backAt: null, ticketId: null, since: e.at };
      return { ...s, config: { ...config, counters: upsertById(config.counters, e.counter) }, counters: { ...s.counters, [id]: counter } };
    }
    case 'CounterRemoved': {
      const { [e.counterId]: _gone, ...counters } = s.counters;
      return {
        ...s,
        config: { ...config, counters: config.counters.filter((c) => c.id !== e.counterId) },
        counters,
        calls: s.calls.filter((c) => c.counterId !== e.counterId),
      };
    }
    case 'PresetUpserted':
    case 'PresetRemoved':
    case 'PresetRestored':
      return withPresets(s, config, nextSources(presetSources(s), e));
    case 'ScreenPaired':
    case 'ScreenRenamed':
    case 'ScreenSoundSet':
    case 'ScreenUnpaired':
    case 'StaffChanged':
    case 'IntegrationTokenChanged':
      // Screens' live status and accounts are kept by the server; in the log these are the audit of who paired or added whom.
      return s;
  }
}

function nextSources(src: PresetSources, e: Extract<ConfigEvent, { type: 'PresetUpserted' | 'PresetRemoved' | 'PresetRestored' }>): PresetSources {
  switch (e.type) {
    case 'PresetUpserted':
      return e.source === 'library' ? { ...src, library: upsertById(src.library, e.preset) } : { ...src, branch: upsertById(src.branch, e.preset) };
    case 'PresetRemoved':
      if (e.source === 'library') {
        return { ...src, library: src.library.filter((p) => p.id !== e.presetId), hidden: src.hidden.filter((id) => id !== e.presetId) };
      }
      // The branch's own version goes (an override falls back to the library's); with none, a library preset is hidden here.
      if (src.branch.some((p) => p.id === e.presetId)) return { ...src, branch: src.branch.filter((p) => p.id !== e.presetId) };
      return src.hidden.includes(e.presetId) ? src : { ...src, hidden: [...src.hidden, e.presetId] };
    case 'PresetRestored':
      return { ...src, hidden: src.hidden.filter((id) => id !== e.presetId) };
  }
}

function withPresets(s: BranchState, config: BranchConfig, src: PresetSources): BranchState {
  return { ...s, presetSources: src, config: { ...config, presets: effectivePresets(src) } };
}
