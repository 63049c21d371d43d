import type { ClusterDto, ResponderDto } from '@netduty/contracts';
import type { ClusterEntity, ResponderEntity } from '@netduty/persistence';

/** Expects `communes` to be loaded. */
export function toClusterDto(cluster: ClusterEntity): ClusterDto {
  return {
    id: cluster.id,
    name: cluster.name,
    operator: cluster.operatorCode,
    communeCodes: cluster.communes.map((commune) => commune.code).sort(),
  };
}

/** Expects `cluster` to be loaded. */
export function toResponderDto(responder: ResponderEntity): ResponderDto {
  return {
    id: responder.id,
    name: responder.name,
    phone: responder.phone,
    clusterId: responder.clusterId,
    clusterName: responder.cluster.name,
    active: responder.active,
  };
}
