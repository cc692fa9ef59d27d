# ip6tables' filter table (iptables 1.8.9, nf_tables variant): listing forms, rule edits by number and by specification, policies, user chains, counters, -S, ip6tables-save/-restore, IPv6-only options and the errors of bad input. Rules only: no packets.
ip6tables -V
ip6tables -L
ip6tables -L -n -v
ip6tables -S
ip6tables -A INPUT -s 2001:db8:1::/64 -j ACCEPT
ip6tables -A INPUT -s 2001:db8::1 -d 2001:db8::2 -j DROP
ip6tables -A INPUT -p tcp --dport 22 -j ACCEPT
ip6tables -A INPUT -p udp -s fd00::/8 --sport 53 -j ACCEPT
ip6tables -A INPUT -p ipv6-icmp --icmpv6-type neighbour-solicitation -j ACCEPT
ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/4 -j ACCEPT
ip6tables -A INPUT -p 58 ! --icmpv6-type echo-request -j ACCEPT
ip6tables -A INPUT -p icmpv6 -m icmp6 --icmpv6-type 135 -j ACCEPT
ip6tables -I INPUT 2 -s fe80::/10 -j ACCEPT
ip6tables -A INPUT ! -s 2001:db8:ffff::/48 -i veth0 -j DROP
ip6tables -A FORWARD -i veth0 -o veth1 -d 2001:db8:0:1::/64 -j ACCEPT
ip6tables -A OUTPUT -d 2001:db8::/ffff:ffff:: -j ACCEPT
ip6tables -A OUTPUT -d 2001:db8::/ffff:0:ffff:: -j ACCEPT
ip6tables -A OUTPUT -s 2001:0db8:0000:0000:0000:0000:0000:0001/128 -j ACCEPT
ip6tables -L
ip6tables -L -n
ip6tables -L INPUT -n --line-numbers
ip6tables -L INPUT -n -v
ip6tables -L OUTPUT -n -v -x
ip6tables -S
ip6tables -S INPUT
ip6tables -S INPUT 3
ip6tables -L INPUT 3 -n
ip6tables -C INPUT -p tcp --dport 22 -j ACCEPT
ip6tables -C INPUT -p tcp --dport 23 -j ACCEPT
ip6tables -D INPUT -s 2001:db8:1::/64 -j ACCEPT
ip6tables -D INPUT -s 2001:db8:1::/64 -j ACCEPT
ip6tables -D INPUT 1
ip6tables -D INPUT 99
ip6tables -R INPUT 1 -s 2001:db8::5 -j DROP
ip6tables -I INPUT 99 -j ACCEPT
ip6tables -S INPUT
ip6tables -A INPUT -s 2001:db8::a,2001:db8::b -j DROP
ip6tables -A INPUT -p tcp -m multiport --dports 80,443 -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT
ip6tables -A INPUT -m state --state RELATED -m comment --comment "v6 related" -j ACCEPT
ip6tables -A INPUT -j LOG --log-prefix "v6: " --log-level info
ip6tables -A INPUT -j REJECT
ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
ip6tables -A INPUT -j REJECT --reject-with icmp6-adm-prohibited
ip6tables -A INPUT -j REJECT --reject-with no-route
ip6tables -A INPUT -j REJECT --reject-with addr-unreach
ip6tables -A INPUT -j REJECT --reject-with icmp6-policy-fail
ip6tables -A INPUT -j REJECT --reject-with icmp6-reject-route
ip6tables -A INPUT -j REJECT --reject-with icmp-port-unreachable
ip6tables -A INPUT -j REJECT --reject-with bogus
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -S INPUT
ip6tables -A INPUT -s 2001:db8::1/64 -d ::ffff:10.0.0.1 -j ACCEPT
ip6tables -A INPUT -p IPV6-ICMP --icmpv6-type ping -j ACCEPT
ip6tables -A INPUT -p icmpv6 --icmpv6-type ttl-exceeded -j ACCEPT
ip6tables -A INPUT -p icmpv6 --icmpv6-type destination-unreachable -j REJECT --reject-with port-unreach
ip6tables -A INPUT -p icmpv6 --icmpv6-type 2/0 -j REJECT --reject-with icmp6-port-unreachable
ip6tables -A INPUT -m icmp6 --icmpv6-type 128 -j ACCEPT
ip6tables -A INPUT -p tcp -m icmp6 --icmpv6-type 128 -j ACCEPT
ip6tables -A INPUT -p icmpv6 -j REJECT --reject-with tcp-reset
ip6tables -L INPUT -v
ip6tables -L INPUT -v -n
ip6tables -S INPUT
ip6tables -F INPUT
ip6tables -A INPUT -c 5 400 -s 2001:db8::1 -j ACCEPT
ip6tables -A INPUT -c 7 560 -p icmpv6 -j ACCEPT
ip6tables -P INPUT DROP
ip6tables -P FORWARD DROP
ip6tables -L -n -v
ip6tables -S -v
ip6tables -Z INPUT 1
ip6tables -L INPUT -n -v
ip6tables -Z
ip6tables -L INPUT -n -v
ip6tables -P INPUT ACCEPT
ip6tables -P INPUT BOGUS
ip6tables -P NOSUCH DROP
ip6tables -N web6
ip6tables -N web6
ip6tables -A web6 -p tcp --dport 80 -j ACCEPT
ip6tables -A web6 -j RETURN
ip6tables -A INPUT -d 2001:db8::80 -j web6
ip6tables -A INPUT -g web6
ip6tables -L web6 -n
ip6tables -L -n
ip6tables -X web6
ip6tables -E web6 www6
ip6tables -S
ip6tables -F
ip6tables -X
ip6tables -S
ip6tables -h
ip6tables ! -V
ip6tables -A INPUT -v -s 2001:db8::1 -d 2001:db8:2::/64 -p tcp --dport 80 -j ACCEPT
ip6tables -A INPUT -v ! -s 2001:db8::/32 -i veth0 -p ipv6-icmp --icmpv6-type 135 -j DROP
ip6tables -D INPUT -v -s 2001:db8::1 -d 2001:db8:2::/64 -p tcp --dport 80 -j ACCEPT
ip6tables -F -v
iptables -6 -A INPUT -j DROP
ip6tables -A INPUT -m iprange --src-range 2001:db8::1-2001:db8::9 -j DROP
ip6tables -A INPUT -m iprange ! --dst-range 2001:db8::a-2001:db8::1 -j DROP
ip6tables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j DROP
ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -m limit --limit 5/s -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -S INPUT
ip6tables -F INPUT
ip6tables -t nat -A POSTROUTING -s fd00::/64 -j SNAT --to-source 2001:db8::1
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::2]:8080
ip6tables -t nat -A PREROUTING -p tcp --dport 81 -j DNAT --to-destination 10.0.0.2
ip6tables -t nat -L -n
ip6tables -t mangle -L -n
ip6tables -t raw -S
ip6tables -A INPUT -s 10.0.0.1 -j DROP
ip6tables -A INPUT -d 192.168.0.0/24 -j DROP
ip6tables -A INPUT -s 2001:db8::/129 -j DROP
ip6tables -A INPUT -s 2001:db8::/-1 -j DROP
ip6tables -A INPUT -s 2001:db8::zz -j DROP
ip6tables -A INPUT -s 2001:db8:::1 -j DROP
ip6tables -A INPUT -s fe80::1%eth0 -j DROP
ip6tables -A INPUT ! -s ::/0 -j DROP
ip6tables -A INPUT -p icmp --icmp-type echo-request -j DROP
ip6tables -A INPUT -p icmpv6 --icmpv6-type bogus -j DROP
ip6tables -A INPUT -p icmpv6 --icmpv6-type 300 -j DROP
ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/300 -j DROP
ip6tables -A INPUT -p icmpv6 --icmpv6-type neighbour -j DROP
ip6tables -A INPUT -m icmp6 -j DROP
ip6tables -A INPUT -p icmp -j DROP
ip6tables -A INPUT -p tcp --dport 99999 -j DROP
ip6tables -A INPUT -f -j DROP
ip6tables -4 -A INPUT -j DROP
ip6tables -6 -A INPUT -s ::1 -j DROP
ip6tables -A NOSUCH -j DROP
ip6tables -A INPUT -j NOSUCH
ip6tables -A INPUT -o veth0 -j DROP
ip6tables -A INPUT --bogus
ip6tables -A
ip6tables -t bogus -L
ip6tables -S
iptables -A INPUT -s 10.0.0.1 -j DROP
iptables -S
ip6tables -S
ip6tables -A INPUT -s 2001:db8::1 -p tcp --dport 443 -j ACCEPT
ip6tables -A INPUT -p ipv6-icmp -j ACCEPT
iptables -S
ip6tables -t nat -L -n
ip6tables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
ip6tables -t nat -S
ip6tables-save
ip6tables-save -c
ip6tables-save -t filter
ip6tables-save -t bogus
iptables-save -t filter
echo -e '*filter\n:INPUT DROP [3:240]\n:web6 - [0:0]\n-A INPUT -s 2001:db8::/32 -j web6\n-A web6 -p tcp --dport 80 -j ACCEPT\n-A web6 -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT\nCOMMIT' | ip6tables-restore
ip6tables -L -n -v
ip6tables-save -t filter
echo -e '*filter\n-A INPUT -s 10.0.0.1 -j ACCEPT\nCOMMIT' | ip6tables-restore
echo -e '*filter\n-A INPUT -j ACCEPT\nCOMMIT' | ip6tables-restore -n
ip6tables -S INPUT
echo -e '*filter\n[7:700] -A INPUT -s 2001:db8::7 -j DROP\nCOMMIT' | ip6tables-restore -c
ip6tables -L INPUT -n -v
ip6tables-save -c -t filter
echo -e '*filter\n-4 -A INPUT -j ACCEPT\n-A INPUT -s 2001:db8::9 -j DROP\n-6 -A INPUT -s 2001:db8::10 -j DROP\nCOMMIT' | ip6tables-restore
ip6tables -S INPUT
echo -e '*filter\n-6 -A INPUT -j ACCEPT\n-4 -A INPUT -s 10.0.0.9 -j DROP\nCOMMIT' | iptables-restore -n
iptables -S INPUT
echo -e '*filter\nCOMMIT' | ip6tables-restore
ip6tables -S
iptables -S
