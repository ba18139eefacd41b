import { describe, expect, it } from 'vitest';
import { resumeStep } from '../../admin/console/pages/new-branch/wizard-steps';

const hours = { weekly: { mon: [{ open: '08:30', close: '13:30' }] }, closed: [], exceptions: [] };
const service = { id: 'cassa' } as never;
const counter = { id: '1' } as never;

/** The new-branch wizard after a reload: the next unfinished step, not Hours again. */
describe('resumeStep', () => {
  it('a branch just created starts on Hours', () => {
    expect(resumeStep({ services: [], counters: [] }, null)).toBe('hours');
  });
  it('hours saved, no service yet: Services', () => {
    expect(resumeStep({ hours, services: [], counters: [] }, null)).toBe('services');
  });
  it('hours and services saved: Counters', () => {
    expect(resumeStep({ hours, services: [service], counters: [] }, 'services')).toBe('counters');
  });
  it('everything in the configuration: the manager step (it leaves nothing there)', () => {
    expect(resumeStep({ hours, services: [service], counters: [counter] }, null)).toBe('manager');
  });
  it('hours skipped on this computer: not back on Hours', () => {
    expect(resumeStep({ services: [], counters: [] }, 'services')).toBe('services');
  });
  it('the manager made: Done', () => {
    expect(resumeStep({ hours, services: [service], counters: [counter] }, 'done')).toBe('done');
  });
});
