import type { CreateClusterRequest, CreateResponderRequest, UpdateResponderRequest, CreateUserRequest, OperatorCode, UpdateClusterRequest, UpdateUserRequest, UserDto } from '@netduty/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { incidentKeys } from '../../incidents/api/incidents.api';
import { referenceKeys } from '../../reference/api/reference.api';
import {
  adminKeys,
  createCluster,
  createResponder,
  createUser,
  fetchClusters,
  fetchResponders,
  fetchUsers,
  logoutUserEverywhere,
  renameOperator,
  resetUserPassword,
  updateCluster,
  updateResponder,
  updateUser,
} from '../api/admin.api';

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => fetchUsers(signal) });
}

export function useClusters() {
  return useQuery({ queryKey: adminKeys.clusters, queryFn: ({ signal }) => fetchClusters(signal), staleTime: 60_000 });
}

export function useResponders(enabled = true) {
  return useQuery({
    queryKey: adminKeys.responders,
    queryFn: ({ signal }) => fetchResponders(undefined, signal),
    staleTime: 60_000,
    enabled,
  });
}

/** Writes the saved user into the cached list, so the table shows it at once. */
function useStoreUser() {
  const queryClient = useQueryClient();
  return (user: UserDto) => {
    queryClient.setQueryData<UserDto[]>(adminKeys.users, (users) => {
      if (!users) return users;
      const index = users.findIndex((candidate) => candidate.id === user.id);
      return index >= 0 ? users.map((candidate) => (candidate.id === user.id ? user : candidate)) : [...users, user];
    });
    void queryClient.invalidateQueries({ queryKey: adminKeys.users });
  };
}

export function useCreateUser() {
  const store = useStoreUser();
  return useMutation({ mutationFn: (request: CreateUserRequest) => createUser(request), onSuccess: store });
}

export function useUpdateUser() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateUserRequest }) => updateUser(id, change),
    onSuccess: store,
  });
}

export function useResetPassword() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) => resetUserPassword(id, { newPassword }),
    onSuccess: store,
  });
}

export function useLogoutUserEverywhere() {
  return useMutation({ mutationFn: (id: string) => logoutUserEverywhere(id) });
}

export function useRenameOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: OperatorCode; name: string }) => renameOperator(code, name),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: referenceKeys.operators });
      // Incidents carry the operator's name.
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    },
  });
}

function useInvalidateClusters() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.clusters });
    void queryClient.invalidateQueries({ queryKey: adminKeys.responders });
  };
}

export function useCreateCluster() {
  const invalidate = useInvalidateClusters();
  return useMutation({ mutationFn: (request: CreateClusterRequest) => createCluster(request), onSuccess: invalidate });
}

export function useUpdateCluster() {
  const invalidate = useInvalidateClusters();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateClusterRequest }) => updateCluster(id, change),
    onSuccess: invalidate,
  });
}

export function useSaveResponder() {
  const invalidate = useInvalidateClusters();
  return useMutation({
    mutationFn: ({ id, request }: { id: string | null; request: CreateResponderRequest | UpdateResponderRequest }) =>
      id === null ? createResponder(request as CreateResponderRequest) : updateResponder(id, request),
    onSuccess: invalidate,
  });
}
