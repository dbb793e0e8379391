# One image recipe for every process of the graph; SERVICE picks which one runs.
#   docker build --build-arg SERVICE=services/tenants -t la-maison/tenants .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.build.json ./
COPY packages ./packages
COPY services ./services
COPY gateway ./gateway
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    APOLLO_TELEMETRY_DISABLED=1 \
    SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["sh", "-c", "exec node \"$SERVICE/dist/main.js\""]
