// Placeholder while the area is built; replaced by the area's page.
export function DashboardPage() {
  return null;
}
