# Adaptation Advisor — production image.
#
#   docker build -t adaptation-advisor .
#   docker run --rm -p 3000:3000 adaptation-advisor          # http://localhost:3000, sessions in /data
#
# Why a node:24 base image and `npm ci --omit=dev`: outside Docker the project brings its own Node 24 as the `node`
# devDependency, because a machine's system Node may be older (npm scripts then put node_modules/.bin/node first on
# PATH). In the image, the base already is Node 24, so the runtime needs no devDependency at all: the `node` package
# (a ~190 MB binary), vitest, msw and the other test tools stay out, and `node src/index.ts` runs the TypeScript
# sources with Node 24's built-in type stripping (no build step). NODE_IMAGE must stay a Node >= 22.18 image.
ARG NODE_IMAGE=node:24-slim

# ---------------------------------------------------------------- dependencies (production only)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no production dependency needs an install script (the only ones in the lock file are the `node`
# devDependency, skipped here, and swagger-ui-dist's telemetry, disabled in package.json).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# ---------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
# npm and corepack are not needed to run the server; removing them leaves less to patch.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
  && mkdir -p /data && chown node:node /data
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    KNOWLEDGE_DIR=/app/knowledge \
    PROMPTS_DIR=/app/prompts
# Code and knowledge belong to root and are read-only for the service user; only /data is writable.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json LICENSE ./
COPY src ./src
COPY knowledge ./knowledge
COPY prompts ./prompts
COPY bin ./bin
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness: the process answers. (Load balancers should use /readyz, which also checks the knowledge and the store.)
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: in-flight requests get SHUTDOWN_GRACE_MS (10 s) to finish.
STOPSIGNAL SIGTERM
CMD ["node", "src/index.ts"]
