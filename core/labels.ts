import type { Cause, Effect } from './causes';

/**
 * Words for causes and effects in each language a branch may show. Kept in core because the
 * lobby, the phone view and the tablet must call a cause by the same name.
 */
export const CAUSE_LABEL: Record<string, Record<Cause, string>> = {
  it: {
    technical_problem: 'Problema tecnico',
    long_transaction: 'Operazione lunga',
    staff_late: 'Collega in ritardo',
    staff_shortage: 'Personale ridotto',
    high_demand: 'Molta affluenza',
    cash_logistics: 'Consegna contante',
    maintenance: 'Manutenzione',
    other: 'Avviso',
  },
  en: {
    technical_problem: 'Technical problem',
    long_transaction: 'Long transaction',
    staff_late: 'Colleague running late',
    staff_shortage: 'Fewer staff',
    high_demand: 'Very busy',
    cash_logistics: 'Cash delivery',
    maintenance: 'Maintenance',
    other: 'Notice',
  },
};

export const EFFECT_LABEL: Record<string, Record<Effect, string>> = {
  it: {
    counter_closed: 'Sportello chiuso',
    slower_service: 'Servizio più lento',
    service_unavailable: 'Servizio non disponibile',
    reduced_service: 'Servizio ridotto',
    info: 'Informazione',
  },
  en: {
    counter_closed: 'Counter closed',
    slower_service: 'Slower service',
    service_unavailable: 'Service unavailable',
    reduced_service: 'Reduced service',
    info: 'Information',
  },
};

export function causeLabel(cause: Cause, lang: string): string {
  return (CAUSE_LABEL[lang] ?? CAUSE_LABEL.en!)[cause];
}

export function effectLabel(effect: Effect, lang: string): string {
  return (EFFECT_LABEL[lang] ?? EFFECT_LABEL.en!)[effect];
}
