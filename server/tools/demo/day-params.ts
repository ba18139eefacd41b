/** The fitted figures of a synthetic branch day (written by fit.ts, read by the generator). */
export interface DayParams {
  source: string;
  /** Busy days the figures are averaged over. */
  days: number;
  /** Customers joining the queue, by hour of day (0–23), mean per day. */
  arrivalsPerHour: number[];
  /** Agents (counters) at work, by hour of day, mean per day. */
  agentsPerHour: number[];
  /** ln(service seconds) ~ Normal(mu, sigma). */
  serviceLogNormal: { mu: number; sigma: number };
  /** Share of customers who give up before being called. */
  giveUpShare: number;
  /** Mean wait of those who gave up, seconds. */
  patienceMeanSec: number;
  /** Share of each service in the real log. */
  serviceMix: Record<string, number>;
}
