# syntax=docker/dockerfile:1
# One image for both processes: the API (the default command) and the worker (`node dist/apps/worker/src/main.js`).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# The lockfile is written by npm 11; npm 10 (the image's) has been seen to fail installing Vite 8.
RUN npm install -g npm@11 --no-audit --no-fund
COPY package.json package-lock.json ./
# A lockfile written where the registry serves only Linux builds lacks the other platforms' optional
# packages, which `npm ci` refuses; `npm install` then resolves from the same lockfile.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
# Only the sources the build reads, so a host's node_modules or dist never reaches the image.
COPY tsconfig.json nest-cli.json ./
COPY scripts ./scripts
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded mode keeps its data under DATA_DIR; give the unprivileged user a place for it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
