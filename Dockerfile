# syntax=docker/dockerfile:1
# ChatCouncil container image: the bot host, llama.cpp's CPU and Vulkan libraries, and the Vulkan
# loader with Mesa's drivers (lavapipe, so Vulkan also works without a GPU).
#   docker build -t chatcouncil .
#   docker run -p 8080:8080 -v chatcouncil-data:/app/data chatcouncil
# For a GPU, pass the device through (e.g. --device /dev/dri for Mesa's RADV/ANV drivers).

ARG DOTNET_VERSION=10.0

# ---- build: publish the host ----------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ChatCouncil.sln .editorconfig ./
COPY src/BotHost/BotHost.csproj src/BotHost/
COPY src/Agents/Agents.csproj src/Agents/
COPY src/Connectors/Connectors.csproj src/Connectors/
COPY src/Inference/Inference.csproj src/Inference/
COPY src/Memory/Memory.csproj src/Memory/
RUN dotnet restore src/BotHost/BotHost.csproj
COPY src/ src/
RUN dotnet publish src/BotHost/BotHost.csproj -c Release -o /app --no-restore

# ---- native: the pinned llama.cpp libraries, integrity checked by the same script as `make` --
FROM node:20-bookworm-slim AS native
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates openssl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY scripts/install-native.sh scripts/
RUN CHATCOUNCIL_NATIVE_DIR=/native/llama bash scripts/install-native.sh

# ---- runtime ---------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
# libvulkan1: the loader llama.cpp's Vulkan backend links against; mesa-vulkan-drivers: GPU
# drivers and lavapipe; curl: the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libvulkan1 mesa-vulkan-drivers curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./
COPY --from=native /native/llama ./native/llama
# The data folder (generated tiny model, SQLite history) is the only place the app writes.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME ["/app/data"]

ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ASPNETCORE_HTTP_PORTS= \
    GGML_NO_BACKTRACE=1
EXPOSE 8080

# The aspnet image ships a non-root user "app"; APP_UID is its numeric id.
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl --fail --silent --show-error --max-time 4 http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "ChatCouncil.BotHost.dll"]
