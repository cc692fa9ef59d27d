ip -n
ip -netns
ip -family
ip -f
ip -rcvbuf
ip -loops
ip -loops 3 link show lo
ip -l
ip -n nope -x link
ip -x -n nope link
ip -color=foo link show lo
ip -c=never link show lo
ip -c=always -br link show lo
ip -color=auto -br link show lo
ip -colo link show lo
ip --json link show lo
ip -- link show lo
ip -- -j link show lo
ip -family inet6 -br addr
ip -h
ip -V
ip -b /nonexistent link show lo
ip -force link show lo
ip --x link
bridge --x link
ip ---j link show lo
ip --j link show lo
bridge --j link
ip - link show lo
ip -bri link show lo
ip -b - link show lo
