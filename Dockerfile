# syntax=docker/dockerfile:1
# Gatehouse in a container: the self-contained single-file build of scripts/publish on .NET's runtime-deps image,
# run as the image's non-root user, its store in the /data volume, every surface on HTTPS port 5443.
#
#   docker build -t gatehouse .
#   docker run -p 5443:5443 -v gatehouse-data:/data -e GATEHOUSE_ADMIN_PASSWORD='<a strong password>' gatehouse
#
# Arguments after the image name go to `gatehouse serve` (for example --import /data/tenant.json).
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json .editorconfig Directory.Build.props Directory.Packages.props BannedSymbols.txt ./
COPY src/Gatehouse/ src/Gatehouse/
COPY src/Gatehouse.Migrations.Sqlite/ src/Gatehouse.Migrations.Sqlite/
COPY src/Gatehouse.Migrations.Postgres/ src/Gatehouse.Migrations.Postgres/
RUN rid="linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" \
 && dotnet publish src/Gatehouse/Gatehouse.csproj -c Release -r "$rid" --self-contained \
      -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true \
      -p:DebugType=none -p:PublishDocumentationFiles=false -o /out

FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}
COPY --from=build /out /app
# The data folder belongs to the image's non-root user ($APP_UID, "app"); a named volume mounted there inherits it.
RUN mkdir /data && chown "$APP_UID" /data && chmod 700 /data
ENV GATEHOUSE_URLS=https://0.0.0.0:5443 \
    GATEHOUSE_PUBLIC_URL=https://localhost:5443 \
    GATEHOUSE_DATA=/data \
    GATEHOUSE_METRICS_URLS=http://127.0.0.1:9464 \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp/gatehouse-bundle
VOLUME /data
EXPOSE 5443
USER $APP_UID
# /healthz on the metrics listener, plain HTTP inside the container only; bash's /dev/tcp needs no curl in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /healthz HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/app/gatehouse", "serve"]
