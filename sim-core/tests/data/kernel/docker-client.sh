# docker's client: what it prints itself, before it asks the daemon (none
# runs where we record): argument counts, flags, unknown commands.
docker exec
docker exec web
docker exec --bogus web ip a
docker inspect
docker inspect -f
docker foo
docker ps --bogus
docker exec -e
docker ps
docker exec web ip addr
docker run -d --name test nginx
docker rm -f test
