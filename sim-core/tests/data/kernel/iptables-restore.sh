iptables-save
echo -e '*filter\n:INPUT DROP [5:500]\n:WEB - [0:0]\n-A INPUT -s 10.0.0.1 -j WEB\n-A WEB -p tcp --dport 80 -j ACCEPT\n-A WEB -m comment --comment "two words" -j DROP\nCOMMIT' | iptables-restore
iptables -S
iptables -L -n -v
echo -e '*filter\n-A INPUT -j FOO\nCOMMIT' | iptables-restore
echo -e '*filter\n-A INPUT -p tcp --dport 99999 -j ACCEPT\nCOMMIT' | iptables-restore
echo -e '*foo\nCOMMIT' | iptables-restore
echo -e 'junk' | iptables-restore
echo -e '*filter\n:INPUT BAD [0:0]\nCOMMIT' | iptables-restore
echo -e '*filter\n-A INPUT -j ACCEPT extra\nCOMMIT' | iptables-restore
echo -e '*filter\n-D INPUT 5\nCOMMIT' | iptables-restore
echo -e '# comment\n\n*filter\n-A NOPE -j ACCEPT\nCOMMIT' | iptables-restore
echo -e '*filter\n-A INPUT -j ACCEPT' | iptables-restore
iptables -S
echo -e '*nat\n:KUBE-SVC - [0:0]\n-A PREROUTING -d 10.96.0.10 -j KUBE-SVC\n-A KUBE-SVC -p tcp -j DNAT --to-destination 10.244.0.2:8080\n-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT' | iptables-restore
iptables-save -t nat
iptables -S
echo -e '*filter\n-A INPUT -j ACCEPT\nCOMMIT' | iptables-restore -n
iptables -S INPUT
echo -e '*filter\n[7:700] -A INPUT -j DROP\nCOMMIT' | iptables-restore -c
iptables -L INPUT -n -v
echo -e '*filter\nCOMMIT' | iptables-restore
iptables-save
iptables-save | iptables-restore
iptables-save -c
iptables-restore --foo
iptables-save --foo
iptables-save -x
iptables-save extra
iptables-save -t bogus
echo -e '*filter\n-t nat -A POSTROUTING -j ACCEPT\nCOMMIT' | iptables-restore
echo -e '*filter\n-A INPUT -j ACCEPT\n*nat\nCOMMIT' | iptables-restore
echo -e '*filter\n-N X\n-A X -j ACCEPT\n-S\nCOMMIT' | iptables-restore
echo -e '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*filter\n-A INPUT -j FOO\nCOMMIT' | iptables-restore
iptables -S
