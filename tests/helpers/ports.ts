export { freePort } from '../../scripts/cluster/ports';
