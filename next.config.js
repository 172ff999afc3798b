/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (src/server/main.ts) owns /api/trpc, /api/trpc-ws, /api/health
  // and /api/metrics; Next only serves the UI.
  typedRoutes: false,
  // `npm run typecheck` checks the whole project (worker and tests included) as its
  // own CI step; the build need not do it again for the UI's share.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
