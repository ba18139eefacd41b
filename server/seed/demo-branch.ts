import type { BranchConfig, Preset } from '../../core';

/**
 * The demo branch created on first start: what a newcomer sees before configuring their own.
 * Preset texts say what happened as it is, apologise where the branch caused it, and say what
 * is being done.
 */
const presets: Preset[] = [
  {
    id: 'computer-fault',
    cause: 'technical_problem',
    effect: 'counter_closed',
    scope: 'counter',
    apologise: true,
    defaultMinutes: 10,
    text: {
      it: 'Guasto al computer dello sportello: ci scusiamo, un collega sta lavorando per ripristinarlo.',
      en: 'The computer at this counter has failed: we apologise, a colleague is working to fix it.',
    },
  },
  {
    id: 'system-down',
    cause: 'technical_problem',
    effect: 'slower_service',
    scope: 'branch',
    apologise: true,
    defaultMinutes: null,
    text: {
      it: 'Guasto al sistema informatico: ci scusiamo, i colleghi stanno lavorando per ripristinarlo.',
      en: 'Our computer system is down: we apologise, colleagues are working to restore it.',
    },
  },
  {
    id: 'network-slow',
    cause: 'technical_problem',
    effect: 'slower_service',
    scope: 'branch',
    apologise: true,
    defaultMinutes: 15,
    text: {
      it: 'La rete è lenta e le operazioni richiedono più tempo: ci scusiamo, stiamo intervenendo.',
      en: 'The network is slow, so transactions take longer: we apologise, we are working on it.',
    },
  },
  {
    id: 'card-reader',
    cause: 'technical_problem',
    effect: 'reduced_service',
    scope: 'counter',
    apologise: true,
    defaultMinutes: 10,
    text: {
      it: 'Il lettore di carte di questo sportello non funziona: ci scusiamo, i pagamenti con carta si fanno agli altri sportelli.',
      en: 'The card reader at this counter is not working: we apologise, card payments are taken at the other counters.',
    },
  },
  {
    id: 'cash-machine',
    cause: 'technical_problem',
    effect: 'service_unavailable',
    scope: 'branch',
    apologise: true,
    defaultMinutes: null,
    text: {
      it: 'Il bancomat è fuori servizio: ci scusiamo, il tecnico è stato chiamato. I prelievi si fanno allo sportello.',
      en: 'The cash machine is out of order: we apologise, the technician has been called. Withdrawals are made at the counter.',
    },
  },
  {
    id: 'long-transaction',
    cause: 'long_transaction',
    effect: 'slower_service',
    scope: 'counter',
    apologise: false,
    defaultMinutes: 10,
    text: {
      it: "Allo sportello è in corso un'operazione lunga: grazie per la pazienza.",
      en: 'A long transaction is under way at this counter: thank you for your patience.',
    },
  },
  {
    id: 'colleague-late',
    cause: 'staff_late',
    effect: 'counter_closed',
    scope: 'counter',
    apologise: true,
    defaultMinutes: 10,
    text: {
      it: 'Un collega è in ritardo e lo sportello aprirà a breve: ci scusiamo per l’attesa.',
      en: 'A colleague is running late and this counter will open shortly: we apologise for the wait.',
    },
  },
  {
    id: 'short-staffed',
    cause: 'staff_shortage',
    effect: 'reduced_service',
    scope: 'branch',
    apologise: true,
    defaultMinutes: null,
    text: {
      it: 'Oggi siamo in meno del solito e l’attesa è più lunga: ci scusiamo, serviamo tutti il prima possibile.',
      en: 'We are fewer than usual today, so the wait is longer: we apologise and will serve everyone as soon as we can.',
    },
  },
  {
    id: 'busy-now',
    cause: 'high_demand',
    effect: 'slower_service',
    scope: 'branch',
    apologise: false,
    defaultMinutes: 30,
    text: {
      it: 'In questo momento ci sono molti clienti: stiamo aprendo tutti gli sportelli possibili. Grazie per la pazienza.',
      en: 'Many customers are here right now: we are opening every counter we can. Thank you for your patience.',
    },
  },
  {
    id: 'cash-delivery',
    cause: 'cash_logistics',
    effect: 'reduced_service',
    scope: 'branch',
    apologise: false,
    defaultMinutes: 15,
    text: {
      it: 'Consegna del contante in corso: per sicurezza le operazioni di cassa sono sospese per pochi minuti.',
      en: 'Cash delivery in progress: for security, cash transactions are paused for a few minutes.',
    },
  },
  {
    id: 'counter-maintenance',
    cause: 'maintenance',
    effect: 'counter_closed',
    scope: 'counter',
    apologise: true,
    defaultMinutes: 30,
    text: {
      it: 'Manutenzione in corso a questo sportello: ci scusiamo, vi serviamo agli altri sportelli.',
      en: 'Maintenance under way at this counter: we apologise, we will serve you at the other counters.',
    },
  },
];

export const DEMO_BRANCH: BranchConfig = {
  id: 'demo',
  name: 'Filiale Demo — Via Roma 1',
  timezone: 'Europe/Rome',
  languages: ['it', 'en'],
  services: [
    { id: 'teller', prefix: 'A', name: { it: 'Cassa', en: 'Teller' } },
    { id: 'advice', prefix: 'B', name: { it: 'Consulenza', en: 'Advice' } },
  ],
  counters: [
    { id: '1', name: { it: 'Sportello 1', en: 'Counter 1' }, services: ['teller'] },
    { id: '2', name: { it: 'Sportello 2', en: 'Counter 2' }, services: ['teller'] },
    { id: '3', name: { it: 'Sportello 3', en: 'Counter 3' }, services: ['teller', 'advice'] },
    { id: '4', name: { it: 'Sportello 4', en: 'Counter 4' }, services: ['advice', 'teller'] },
  ],
  presets,
  // Roomier than a real branch's defaults (DEFAULT_TICKET_LIMITS): demos and tests take tickets in bursts.
  limits: { perServicePerDay: 5_000, perMinute: 600 },
};

/**
 * The promises the demo opens with (minutes per service): the lobby shows "we aim to serve you
 * within 15 minutes" beside Cassa's queue, and the tablet and console warn when it is passed with
 * nothing on screen to explain it (issue 7). Kept apart from DEMO_BRANCH, which tests open as a
 * plain branch without a promise.
 */
export const DEMO_PROMISES: Readonly<Record<string, number>> = { teller: 15 };

export const DEMO_ADMIN = 'admin';
export const DEMO_MANAGER = 'manager';
export const DEMO_TELLERS = ['teller1', 'teller2', 'teller3', 'teller4'];
