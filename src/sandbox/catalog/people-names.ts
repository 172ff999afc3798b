/**
 * Names for the fictional people on the sandbox companies' team pages. Drawn from many
 * languages so a team page looks like a real, international company; any likeness to
 * a real person is accidental.
 */
export const FIRST_NAMES: readonly string[] = [
  'Ada', 'Amara', 'Anika', 'Aoife', 'Arjun', 'Bea', 'Bruno', 'Camila', 'Chen', 'Dalia',
  'Daniel', 'Dara', 'Elif', 'Emeka', 'Esther', 'Farah', 'Felix', 'Freya', 'Gabriel', 'Hana',
  'Hugo', 'Ines', 'Isaac', 'Jun', 'Kai', 'Kavya', 'Kofi', 'Lars', 'Layla', 'Leon',
  'Lucia', 'Malik', 'Marta', 'Mateo', 'Mei', 'Nadia', 'Nico', 'Noor', 'Olga', 'Omar',
  'Priya', 'Rafael', 'Rin', 'Rosa', 'Sami', 'Sara', 'Sofia', 'Tariq', 'Tomas', 'Uma',
  'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zara', 'Zoe', 'Maya', 'Jonas', 'Ingrid', 'Theo',
];

export const LAST_NAMES: readonly string[] = [
  'Abebe', 'Achterberg', 'Adeyemi', 'Almeida', 'Andersen', 'Bauer', 'Bianchi', 'Brennan', 'Castillo', 'Chowdhury',
  'Costa', 'Dubois', 'Eriksson', 'Fischer', 'Fujita', 'Garcia', 'Haddad', 'Hansen', 'Ibrahim', 'Ivanova',
  'Jansen', 'Kapoor', 'Kim', 'Kowalski', 'Laine', 'Lindqvist', 'Lopez', 'Mensah', 'Moreau', 'Nakamura',
  'Novak', 'Okafor', 'Oliveira', 'Park', 'Petrov', 'Quinn', 'Rahman', 'Reyes', 'Rossi', 'Santos',
  'Schmidt', 'Sato', 'Silva', 'Singh', 'Sorensen', 'Tanaka', 'Tran', 'Van Dijk', 'Varga', 'Wagner',
  'Walsh', 'Wong', 'Yilmaz', 'Zhang', 'Ziegler', 'Nyberg', 'Murphy', 'Osei', 'Horvat', 'Lambert',
];
