# syntax=docker/dockerfile:1.7
#
# One image recipe for every Sitework application. Build one app with
#   docker build --build-arg SERVICE=work-service -t ghcr.io/sitework/work-service:dev .
# SERVICE is one of work-service, context-service, notification-service, gateway.
# The target "seeder" builds the launcher instead, whose `seed` mode loads the demo data
# (docker-compose.yml runs it once the platform is healthy).
#
# Stages: build (the Maven wrapper, ~/.m2 kept in a BuildKit cache between builds), layers
# (Spring Boot's layered jar unpacked, so a code change rebuilds only the small application
# layer), app (the runtime: JRE only, non-root, heap sized from the container's memory limit).

ARG SERVICE=work-service

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
# Node.js and npm for the portal (module portal/, served by the gateway); without them the build would
# skip it and the gateway would serve the "portal not built" page
COPY --from=node:20-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:20-bookworm-slim /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
# the POMs and the wrapper first: dependency resolution is cached as long as they do not change
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY shared-events/pom.xml shared-events/
COPY embedded-infra/pom.xml embedded-infra/
COPY service-support/pom.xml service-support/
COPY portal/pom.xml portal/
COPY work-service/pom.xml work-service/
COPY context-service/pom.xml context-service/
COPY notification-service/pom.xml notification-service/
COPY gateway/pom.xml gateway/
COPY launcher/pom.xml launcher/
COPY deploy-checks/pom.xml deploy-checks/
COPY faults/pom.xml faults/
COPY shared-events/src shared-events/src
COPY embedded-infra/src embedded-infra/src
COPY service-support/src service-support/src
COPY portal portal
COPY work-service/src work-service/src
COPY context-service/src context-service/src
COPY notification-service/src notification-service/src
COPY gateway/src gateway/src
COPY launcher/src launcher/src
# sharing=locked: the images of docker-compose.yml build in parallel and share one local repository
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    --mount=type=cache,target=/root/.npm,sharing=locked \
    chmod +x mvnw \
 && ./mvnw -B -q -DskipTests package -pl "${SERVICE}" -am \
 && cp "${SERVICE}/target/${SERVICE}-exec.jar" /src/app.jar

FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /src/app.jar app.jar
# dependencies/, spring-boot-loader/, snapshot-dependencies/, application/ (+ the launcher jar)
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre AS app
ARG SERVICE
# curl for the health check; nothing else is added to the JRE image
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 sitework \
 && useradd --system --uid 10001 --gid sitework --home-dir /app --shell /usr/sbin/nologin sitework
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/sitework-healthcheck
RUN chmod 0755 /usr/local/bin/sitework-healthcheck
ENV SERVICE=${SERVICE} \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
# the ports of the four apps (server.port, and the gateway's management.server.port)
EXPOSE 8080 8081 8082 8083 8090
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 CMD ["sitework-healthcheck"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]

# The demo-data seeder: the launcher jar and its libraries, run as `java -jar sitework.jar seed`.
FROM eclipse-temurin:17-jdk AS seeder-build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY shared-events shared-events
COPY embedded-infra embedded-infra
COPY service-support service-support
COPY portal portal
COPY work-service work-service
COPY context-service context-service
COPY notification-service notification-service
COPY gateway gateway
COPY launcher launcher
COPY deploy-checks/pom.xml deploy-checks/
COPY faults/pom.xml faults/
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    chmod +x mvnw \
 && ./mvnw -B -q -DskipTests package -pl launcher -am

FROM eclipse-temurin:17-jre AS seeder
RUN groupadd --system --gid 10001 sitework \
 && useradd --system --uid 10001 --gid sitework --home-dir /app --shell /usr/sbin/nologin sitework
WORKDIR /app
COPY --from=seeder-build /src/launcher/target/lib/ lib/
COPY --from=seeder-build /src/launcher/target/sitework.jar sitework.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -Dsitework.log.dir=/tmp/sitework-logs"
USER 10001:10001
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar sitework.jar seed"]

# the default target: the application named by SERVICE
FROM app
