# The app image for docker-compose.yml: API, web build and ingest of seeds/ (Neo4j is its own service).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
EXPOSE 5173
CMD ["npm", "start"]
