# syntax=docker/dockerfile:1
# GovFlow image: build with Maven on JDK 17, run the Spring Boot jar on a JRE 17 as a non-root user.

FROM maven:3.9-eclipse-temurin-17 AS build
# node and npm build the designer's editors (frontend/) during mvn package.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first so source edits do not download them again (the cache mount keeps ~/.m2 between builds).
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline || true
COPY src ./src
COPY processes ./processes
COPY dmn ./dmn
COPY forms ./forms
COPY frontend ./frontend
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package \
 && cp target/govflow-*.jar /govflow.jar

FROM eclipse-temurin:17-jre
# curl for the health check only; LibreOffice (Writer, no GUI) converts DOCX/ODT drafts to PDF, with Liberation 2
# fonts (Times New Roman's metric twin, with the Vietnamese letters).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl libreoffice-writer-nogui fonts-liberation2 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 govflow \
 && useradd --system --uid 10001 --gid govflow --home-dir /data --no-create-home --shell /usr/sbin/nologin govflow \
 && mkdir -p /data /app \
 && chown govflow:govflow /data
COPY --from=build /govflow.jar /app/govflow.jar

# No demo accounts in an image: they have a published password. Ask for them with -e GOVFLOW_DEMO_DATA=true
# (GovFlow refuses demo data, default secrets and a self-generated issuer key on a non-local GOVFLOW_PUBLIC_URL).
ENV GOVFLOW_DATA_DIR=/data \
    GOVFLOW_DEMO_DATA=false \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.security.egd=file:/dev/./urandom"
VOLUME /data
WORKDIR /data
USER govflow:govflow
EXPOSE 8080

# /actuator/health is public (SecurityConfig.PUBLIC). The engine and Flyway need a while on first start.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1

ENTRYPOINT ["java", "-jar", "/app/govflow.jar"]
