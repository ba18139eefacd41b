/**
 * The fixed lists a notice is built from. A cause is never a free string, so notices can be
 * counted, translated and shown with an icon. Each cause and effect carries its GTFS-realtime
 * Alert counterpart so feeds and reports can speak a standard vocabulary.
 */
export const CAUSES = [
  'technical_problem',
  'long_transaction',
  'staff_late',
  'staff_shortage',
  'high_demand',
  'cash_logistics',
  'maintenance',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];

/** GTFS-realtime Alert.Cause for each of our causes. */
export const GTFS_CAUSE: Record<Cause, string> = {
  technical_problem: 'TECHNICAL_PROBLEM',
  long_transaction: 'OTHER_CAUSE',
  staff_late: 'OTHER_CAUSE',
  staff_shortage: 'OTHER_CAUSE',
  high_demand: 'OTHER_CAUSE',
  cash_logistics: 'OTHER_CAUSE',
  maintenance: 'MAINTENANCE',
  other: 'OTHER_CAUSE',
};

export const EFFECTS = ['counter_closed', 'slower_service', 'service_unavailable', 'reduced_service', 'info'] as const;
export type Effect = (typeof EFFECTS)[number];

/** GTFS-realtime Alert.Effect for each of our effects. */
export const GTFS_EFFECT: Record<Effect, string> = {
  counter_closed: 'REDUCED_SERVICE',
  slower_service: 'SIGNIFICANT_DELAYS',
  service_unavailable: 'NO_SERVICE',
  reduced_service: 'REDUCED_SERVICE',
  info: 'OTHER_EFFECT',
};
