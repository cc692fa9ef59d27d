# iptables error texts and exit codes.
iptables -L FOO
iptables -A FOO -j ACCEPT
iptables -A INPUT -j FOO
iptables -A INPUT -j accept
iptables -P FORWARD FOO
iptables -P FORWARD accept
iptables -P FORWARD RETURN
iptables -P FORWARD REJECT
iptables -P FORWARD
iptables -P
iptables -P FOO DROP
iptables -D INPUT 1
iptables -A INPUT -j ACCEPT
iptables -D INPUT 2
iptables -D INPUT 0
iptables -D INPUT -1
iptables -D INPUT x
iptables -R INPUT 2 -j DROP
iptables -R INPUT 0 -j DROP
iptables -R INPUT -j DROP
iptables -I INPUT 3 -j DROP
iptables -I INPUT 2 -j DROP
iptables -I INPUT 0 -j DROP
iptables -S INPUT
iptables -D INPUT -j REJECT
iptables -D INPUT -s 1.2.3.4 -j ACCEPT
iptables -D FOO 1
iptables -A
iptables -A INPUT -s
iptables -A INPUT -j
iptables -A INPUT -p
iptables -A INPUT -p foo
iptables -A INPUT -p tcp --dport
iptables -A INPUT -p tcp --dport 99999
iptables -A INPUT -p tcp --dport abc
iptables -A INPUT -p tcp --dport 80:70
iptables -A INPUT -p tcp --dport 80-90
iptables -A INPUT -p tcp --dport -1
iptables -A INPUT --dport 80 -j ACCEPT
iptables -A INPUT -p icmp --dport 80 -j ACCEPT
iptables -A INPUT --icmp-type 8 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type foo -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16
iptables -A INPUT -A FORWARD
iptables -A INPUT -D INPUT
iptables -L -S
iptables -F -X
iptables -A INPUT -j ACCEPT -j DROP
iptables -A INPUT -s 1.1.1.1 -s 2.2.2.2
iptables -A INPUT --foo
iptables -A INPUT -z
iptables --foo
iptables
iptables -A INPUT -s 300.1.1.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/33 -j ACCEPT
iptables -A INPUT -s foo.invalid -j ACCEPT
iptables -A INPUT -d 10.0.0.1/ -j ACCEPT
iptables -A INPUT -i eth0 -o eth1 -j ACCEPT
iptables -A OUTPUT -i eth0 -j ACCEPT
iptables -A INPUT -o eth0 -j ACCEPT
iptables -A INPUT -i abcdefghijklmnopq -j ACCEPT
iptables -A INPUT -m state
iptables -A INPUT -m state --state FOO
iptables -A INPUT -m conntrack --ctstate BAD -j ACCEPT
iptables -A INPUT -m nosuchmatch -j ACCEPT
iptables -A INPUT -j REJECT --reject-with foo
iptables -A INPUT -j LOG --log-level 99
iptables -A INPUT -j ACCEPT extra
iptables -A INPUT 1 -j ACCEPT
iptables -t nat -A PREROUTING -j DNAT --to-destination 300.1.1.1
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.1.1.1:80
iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 1000-2000 -p tcp
iptables -N NEW
iptables -N NEW
iptables -A NEW -j ACCEPT
iptables -X NEW
iptables -F NEW
iptables -A INPUT -j NEW
iptables -X NEW
iptables -E NEW INPUT
iptables -N OTHER
iptables -E NEW OTHER
iptables -E NOPE ALSO
iptables -E NEW
iptables -A NEW -j NEW
iptables -A NEW -j OTHER
iptables -A OTHER -j NEW
iptables -X FOO
iptables -X INPUT
iptables -F FOO
iptables -Z FOO
iptables -S FOO
iptables -S INPUT 5
iptables -L INPUT 5
iptables -Z INPUT 5
iptables -t nat -L INPUT -n
iptables -t nat -A FORWARD -j ACCEPT
iptables -t filter -A PREROUTING -j ACCEPT
iptables -t foo -L
iptables -t
iptables -h | head -3
iptables --version
iptables -V
iptables-save -t foo
iptables -L -n -v
iptables-save
