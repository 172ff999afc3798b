/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (src/server/main.ts) owns /api/trpc, /api/trpc-ws, /api/health
  // and /api/metrics; Next only serves the UI.
  typedRoutes: false,
};

export default nextConfig;
