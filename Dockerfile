# actionbot's production image: TypeScript compiled in a build stage, run as `node dist/main.js` by a
# non-root user with production dependencies only. test/production/image.test.ts runs these steps as
# a script from a clean copy of the repository (no Docker engine needed), so keep them plain.

# --- build: dev tools, compile src/ to dist/ ----------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- run: production dependencies, the compiled code and the files it reads ---------------------------
FROM node:20-bookworm-slim AS run
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
CMD ["node", "--disable-warning=DEP0111", "dist/main.js"]
