// Passwords long enough to pass the length rule that still appear near the top of breach lists,
// plus local favourites. Compared lower-cased.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
	'1234567890', '12345678910', '123456789a', '0123456789', '0987654321', '1111111111',
	'1234512345', '1q2w3e4r5t', '1qaz2wsx3edc', 'qwertyuiop', 'qwerty1234', 'qwerty12345',
	'asdfghjkl1', 'zxcvbnm123', 'password12', 'password123', 'password1234', 'passw0rd123',
	'p@ssw0rd123', 'iloveyou12', 'letmein123', 'welcome123', 'welcome1234', 'admin12345',
	'administrator', 'changeme123', 'football123', 'baseball123', 'sunshine12', 'princess12',
	'starwars123', 'whatever123', 'trustno1234', 'monkey12345', 'dragon12345', 'superman123',
	'qazwsxedc123', 'abcdefghij', 'abc1234567', 'aaaaaaaaaa', 'salasana123', 'salasana1234',
	'salasana12', 'salasana1!', 'kesä2024!!', 'kesa2024!!', 'syksy2024!', 'talvi2024!',
	'kevät2024!', 'suomi12345', 'suomi1917!', 'perkele123', 'lösenord123', 'losenord123',
	'lösenord12', 'sommar2024', 'hejsan1234', 'kartta1234', 'kartta12345', 'innovaatio',
	'innovaatio1', 'naturpolis', 'naturpolis1'
]);
