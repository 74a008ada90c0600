# One image for the API and the worker: `docker compose up` runs both from it.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY config config
COPY seeds seeds
COPY src src
COPY web web
COPY bench bench
COPY test/support test/support
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# The chart's Chinese label font (assets/fonts); its Latin font comes with node_modules.
COPY assets assets
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
