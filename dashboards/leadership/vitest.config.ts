import { defineConfig } from "vitest/config";

// Browser tests: one site build from the demo data (test/global-setup.ts), served once, visited with
// Debian's Chromium. Files run one after another (one browser at a time on a small machine).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    env: { TZ: "Asia/Shanghai", OBSERVABLE_TELEMETRY_DISABLE: "true" },
    globalSetup: ["test/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
