/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The agency that runs this deployment, shown on the login page (defaults to the translated name). */
  readonly VITE_OWNER_AGENCY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
