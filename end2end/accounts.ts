// The editor accounts global-setup.ts creates; their password is in NOTIKUMI_E2E_PASSWORD.
export const EDITORS = {
  anna: { email: "anna.berzina@example.lv", role: "admin" },
  janis: { email: "janis.ozols@example.lv", role: "editor" },
} as const;
