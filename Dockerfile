# One image recipe for every process of the graph; SERVICE picks which one runs.
#   docker build --build-arg SERVICE=services/tenants -t la-maison/tenants .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.build.json ./
COPY packages ./packages
COPY services ./services
COPY gateway ./gateway
COPY scripts ./scripts
# Build with every dependency, then install the production ones afresh from the lock file (a clean
# `npm ci --omit=dev`, not a prune of the build's tree): the runtime stage copies only those.
RUN npm ci --no-audit --no-fund && npm run build \
 && rm -rf node_modules && npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    APOLLO_TELEMETRY_DISABLED=1 \
    SERVICE=${SERVICE}
WORKDIR /app
# Owned by root and readable by all: the service, running as the unprivileged user node, reads its
# code and dependencies and can change none of them.
COPY --from=build /app /app
USER node
# Ready, not only alive: /ready answers 200 only when the service's database (a subgraph) or every
# subgraph (the gateway) answers. PORT is set by compose; 4000 is the gateway's default.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The V8 flags of the launcher and the benchmark (scripts/src/services.ts, NODE_FLAGS), on the command
# line: NODE_OPTIONS refuses --single-threaded-gc.
CMD ["sh", "-c", "exec node --max-semi-space-size=32 --single-threaded-gc \"$SERVICE/dist/main.js\""]
