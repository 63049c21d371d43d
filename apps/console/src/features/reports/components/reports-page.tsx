// Placeholder while the area is built; replaced by the area's page.
export function ReportsPage() {
  return null;
}
