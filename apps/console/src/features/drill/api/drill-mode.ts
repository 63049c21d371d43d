import type { DeploymentModeDto } from '@netduty/contracts';
import { sendJson } from '../../../lib/http';

/** Public (read before login too): whether the api serves a drill copy of the province. */
export async function fetchDeploymentMode(): Promise<DeploymentModeDto> {
  return (await sendJson<DeploymentModeDto>('/health/mode')).data;
}
