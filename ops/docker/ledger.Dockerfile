# Image of the `pasidledger` executable, built by ops/compose from a self-contained `dotnet publish`
# (the build context is that publish folder), so no SDK image is needed. The base is .NET's
# runtime-deps image where a registry answers, else its equivalent built from Debian's packages
# (ops/docker/image runtime).
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY . /app/
# Where `pasidledger consumer` keeps its state in docker-compose.yml: a new named volume takes the owner of
# the directory it is mounted on, so the user below can write to it.
RUN mkdir -p /var/lib/pasidledger/consumers && chown -R 1654:1654 /var/lib/pasidledger
# Not root: the uid of the `app` user of .NET's images, which needs no passwd entry.
USER 1654:1654
ENV HOME=/tmp ASPNETCORE_ENVIRONMENT=Production
EXPOSE 5080
ENTRYPOINT ["/app/pasidledger"]
CMD ["serve", "--urls", "http://0.0.0.0:5080"]
