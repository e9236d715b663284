// SupplyGuard override of the shipped scripts/config.js of Camunda Admin 7.24.
import { webappConfig } from '../../supplyguard-webapps.js';

export default webappConfig('系统管理');
