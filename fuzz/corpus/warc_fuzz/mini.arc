filedesc://x.arc 0.0.0.0 20140216050221 text/plain 0

http://a.example/ 1.2.3.4 20140216050221 text/html 44
HTTP/1.0 200 OK
Content-Type: text/html

<p>x</p>
