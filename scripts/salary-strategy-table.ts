/**
 * Prints the salary battle's strategy-vs-outcome table: scripted negotiators against
 * the HR persona over seeded battles. `npx tsx scripts/salary-strategy-table.ts [battles]`
 */
import { formatStrategyTable, strategyTable } from '../worker/sessions/salary-battle/strategy-table';

const DEFAULT_BATTLES = 200;

const requested = Number(process.argv[2] ?? DEFAULT_BATTLES);
const battles = Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_BATTLES;
const seeds = Array.from({ length: battles }, (_, i) => i + 1);

console.log(`Salary battle: ${battles} seeded battles per strategy (seeds 1–${battles}), amounts in USD\n`);
console.log(formatStrategyTable(strategyTable(seeds)));
