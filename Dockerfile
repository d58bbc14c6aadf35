# One image for both processes: the API (default) and the projector (command override).
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary fits
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json schema.gql ./
COPY src ./src
COPY projections ./projections
COPY bench ./bench
COPY web ./web
# the schema export at build time starts the app, which loads the default policy profile
COPY policies ./policies
# the API and projector, the schema, and the console (web/dist), which the API serves at /
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
COPY --chown=node:node package.json ./
# the shipped policy profiles; POLICY_FILE picks one by name or points at a company's own file
COPY --chown=node:node policies ./policies
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
