/** GET /api/v1/health/mode (public): what kind of copy of the province this api serves. */
export interface DeploymentModeDto {
  /** A drill (diễn tập) copy (NETDUTY_DRILL=true): every screen shows the drill banner. */
  drill: boolean;
}
