# The conduct bot as a container: Node 20 on Alpine, production dependencies only, running as the
# unprivileged `node` user. Build: docker build -t conduct-bot .   Run: see compose.yaml.

# 1. Compile TypeScript to dist/ (needs the dev dependencies: typescript, prisma for the client).
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. The runtime: dist/, the shipped Code, the migrations, the word vectors and production dependencies.
FROM node:20-alpine
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=peer --omit=optional: @prisma/client names the prisma CLI (and so TypeScript) as an optional
# peer, needed only to generate (343 MB of node_modules instead of 602 MB).
# --ignore-scripts: the Prisma client is already generated inside dist/ (postinstall needs the dev CLI).
RUN npm ci --omit=dev --omit=peer --omit=optional --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prisma/migrations ./prisma/migrations
COPY policies ./policies
COPY assets ./assets
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself as PID 1's child-free process: SIGTERM from `docker stop` reaches the bot directly.
CMD ["node", "dist/main.js"]
