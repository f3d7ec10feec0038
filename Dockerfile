# actionbot's production image: TypeScript compiled in a build stage, run as `node dist/main.js` by a
# non-root user with production dependencies only. test/production/image.test.ts runs these steps as
# a script from a clean copy of the repository (no Docker engine needed), so keep them plain.

# The base: Node 24 (the Active LTS; Node 20 ended in April 2026), pinned by exact version and by the
# digest of its multi-platform image index as public Dockerfiles pinned it for 24.21.0; a rebuild of
# the tag gets a new digest, so bump both together (`docker buildx imagetools inspect node:<tag>`).
# .ci/run starts dist/main.js on the same Node major (the registry's `node` package), so CI runs it.

# --- build: dev tools, compile src/ to dist/ ----------------------------------------------------------
FROM node:24.21.0-bookworm-slim@sha256:2fe369e969550cde8e867afc3fe370b260140cab4a23d467074295b42163d553 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- run: production dependencies (no Azurite, local chat renderer or log prettifier), the code, its files ---
FROM node:24.21.0-bookworm-slim@sha256:2fe369e969550cde8e867afc3fe370b260140cab4a23d467074295b42163d553 AS run
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY cards ./cards
COPY manifest ./manifest
COPY web ./web
COPY bin ./bin
# The node image's unprivileged user; the app writes nothing to its own folder.
USER node
EXPOSE 3978
# The heap cap fits the container (infra/main.bicep: 1 GiB). Measured on the bot's own process at 100,000
# stored actions (npm run bench -- soak, botmem): a soak year's peak RSS about 500 MB and steady heap about
# 100-140 MB under a 768 MB cap; the CSV export of the whole plan finishes under 512 MB (peak RSS 306 MB).
# Rule (README, memory and sizing): container >= heap cap + about 128 MB (code, buffers) + 288 MB per plan
# read at its limit (src/import/limits.ts): 1 GiB holds a full heap and one such read. Raise both together.
CMD ["node", "--max-old-space-size=512", "--disable-warning=DEP0111", "dist/main.js"]
