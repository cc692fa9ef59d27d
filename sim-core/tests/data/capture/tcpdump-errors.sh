# tcpdump 4.99.3's errors and usage: bad options, bad counts, unknown or down interfaces, filter expressions it cannot compile; and which of its lines go to stderr.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add va type veth peer name vb
ip link set va up
ip link set vb up
ip link add vdown type veth peer name vdown2
tcpdump --version
tcpdump --version >/dev/null; echo $?
tcpdump -h >/dev/null; echo $?
tcpdump -h 2>/dev/null; echo $?
tcpdump --help 2>&1 | head -3
tcpdump -Z
tcpdump -y
tcpdump -k 2>&1 | head -2; echo $?
tcpdump --bogus 2>&1 | head -2
timeout 1 tcpdump -i 2>&1 | head -2
timeout 1 tcpdump -i nope
timeout 1 tcpdump -i nope -c 1 icmp; echo $?
timeout 1 tcpdump -i nope 2>/dev/null; echo $?
timeout 1 tcpdump -i vdown; echo $?
timeout 1 tcpdump -i vb -c 0; echo $?
timeout 1 tcpdump -i vb -c abc
timeout 1 tcpdump -i vb -c -1; echo $?
timeout 1 tcpdump -i vb -c 1x
timeout 1 tcpdump -i vb -s abc
timeout 1 tcpdump -i vb -s -5; echo $?
timeout 1 tcpdump -i vb -y FOO; echo $?
timeout 1 tcpdump -i vb -Q sideways; echo $?
timeout 1 tcpdump -r /tmp/nslab-no-such.pcap; echo $?
timeout 1 tcpdump -i vb -w /nonexistent/dir/x.pcap; echo $?
# Filter expressions that do not compile (the device is opened first).
timeout 1 tcpdump -i vb 'tcp and'; echo $?
timeout 1 tcpdump -i vb 'tcp and' 2>/dev/null; echo $?
timeout 1 tcpdump -i vb foo
timeout 1 tcpdump -i vb 'port abc'
timeout 1 tcpdump -i vb 'port 99999'
timeout 1 tcpdump -i vb 'portrange 80'
timeout 1 tcpdump -i vb 'portrange 90-80'
timeout 1 tcpdump -i vb 'host 10.0.0.300'
timeout 1 tcpdump -i vb 'host'
timeout 1 tcpdump -i vb 'src'
timeout 1 tcpdump -i vb 'net 10.0.0.1/24'
timeout 1 tcpdump -i vb 'net 10.0.0.0/33'; echo $?
timeout 1 tcpdump -i vb 'tcp port'
timeout 1 tcpdump -i vb '(tcp'
timeout 1 tcpdump -i vb 'tcp)'
timeout 1 tcpdump -i vb 'tcp or or udp'
timeout 1 tcpdump -i vb 'not'
timeout 1 tcpdump -i vb 'ether host 02:00:00:00:00'
timeout 1 tcpdump -i vb 'icmp[icmptype] == icmp-bogus'
timeout 1 tcpdump -i vb tcp and
timeout 1 tcpdump -i vb 'host nohost.invalid'
timeout 1 tcpdump -n -i vb 'host nohost.invalid'
timeout 1 tcpdump -i any 'ether host 02:00:00:00:00:01'; echo $?
timeout 1 tcpdump -i vb 'tcp[tcpflags] & tcp-bogus != 0'
timeout 1 tcpdump -i vb 'ip proto 300'; echo $?
timeout 1 tcpdump -i vb 'udp port 53 and tcp'; echo $?
# Which lines go where: "data link type", "verbose output suppressed", "listening on" and the trailer to stderr; packets and the blank line to stdout.
timeout 1 tcpdump -nn -i any; echo $?
timeout 1 tcpdump -nn -i any 2>/dev/null | wc -l
timeout 1 tcpdump -nn -i any 2>&1 >/dev/null | wc -l
timeout 1 tcpdump -nn -v -i vb 2>&1 >/dev/null
timeout 1 tcpdump -nn -q -i vb 2>&1 >/dev/null
timeout 1 tcpdump -nn -i vb -c 1 2>&1 >/dev/null; echo $?
timeout 1 tcpdump -i va; echo $?
ip link del va
ip link del vdown
